"""Headless sub-commands of `mot-workshop`, one per module: add_arguments(parser) and run(args)."""
