"""The sample workshop, built through the commands from the seeds' own examples."""

from mot_workshop.sample.builder import build_sample

__all__ = ["build_sample"]
