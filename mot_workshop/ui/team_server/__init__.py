"""Working in a workshop shared on a team server: connecting, choosing, staying in step."""
