"""Local database: SQLAlchemy models, connections, migrations, the unit of work.

Importing this package is cheap: SQLAlchemy is loaded only by the modules that
need it (``models``, ``uow``, ``migrate``), never at start-up.
"""
