"""Slate's catalog service: productions, their settings and team, entity types."""
