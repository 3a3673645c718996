"""Qt views of the matplotlib charts (charts/), loaded lazily."""
