"""The game's vocabulary: commitment kinds, guarantor tiers, criterion ids, stress-card format.

The bottom layer: ``motions``, ``engine`` and ``scoring`` all speak these words, and this
package imports none of them (only pydantic and its own data).
"""
