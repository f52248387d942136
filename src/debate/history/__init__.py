"""A session's history in words and numbers: transcript entries and turning points (pure).

Shared by the live game (``play``), the exports (``report``) and the screens, so that
none of them has to import another; imports only the engine, motions and vocabulary.
"""
