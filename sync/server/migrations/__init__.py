"""Alembic migrations of the national server's own database (not the PC's)."""
