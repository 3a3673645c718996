"""Worksheet tables: store rows as an editable, typed table; every edit is a command."""
