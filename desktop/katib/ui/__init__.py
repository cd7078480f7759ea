"""The PySide6 front end. It uses `katib.core`; `katib.core` never uses it."""
