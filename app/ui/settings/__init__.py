"""Dialogs the Settings page opens; loaded when first needed, not at start-up."""
