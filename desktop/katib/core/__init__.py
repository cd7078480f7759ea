"""Everything in Katib that is not Qt. Nothing below this package may import PySide6."""
