"""PerpusDesa: the desktop program for Indonesian village libraries (TPBIS)."""

__version__ = "0.1.0"
