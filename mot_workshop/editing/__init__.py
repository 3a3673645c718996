"""Every edit of a workshop is a command: execute / revert, each one saved when it returns."""
