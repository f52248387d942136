"""Criterion scores with arithmetic of their own (the grouped criteria are scored in
:mod:`debate.scoring.assessment`): forces on the ground, support, costs and concessions.

Each function takes an :class:`~debate.scoring.assessment.Assessment`, the effective factors
and whether to explain, and returns a :class:`~debate.scoring.combine.Result`.
"""
