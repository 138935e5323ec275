"""The server's migration scripts, oldest first."""
