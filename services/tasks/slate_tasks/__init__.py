"""Slate's tasks service."""
