"""Criterion scores with arithmetic of their own (the party-grouped criteria are scored in
:mod:`debate.scoring.evaluate`): forces on the ground, support, costs and concessions.

Each function takes an :class:`~debate.scoring.assessment.Assessment`, the effective factors
and whether to explain, and returns a :class:`~debate.scoring.combine.Result`.
"""

#: Said of a line that a stronger line of the same party already covers.
OUTDONE = "; the same party's stronger commitment counts"
