"""Slate's auth service: persons, departments, studios, organisation, tokens."""
