"""Modal forms that build one engine action each; they return None when cancelled."""
