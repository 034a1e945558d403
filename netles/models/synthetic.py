"""Placeholder: filled in by the models issue."""
__all__: list[str] = []
