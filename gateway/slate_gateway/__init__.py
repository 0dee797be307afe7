"""Slate's gateway: Zou's HTTP API mapped row by row onto the services' RPC methods."""
