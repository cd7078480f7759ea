"""Summarizing documents into a note de synthèse whose every point cites its source blocks."""
