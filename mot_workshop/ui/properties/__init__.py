"""The properties panel: a form for the selected entity (or entities), one field per row.
Every edit is a command; invalid input is refused with a message and nothing is saved."""
