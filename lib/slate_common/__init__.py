"""Code shared by every Slate process: settings, database, event store, errors, CRUD."""
