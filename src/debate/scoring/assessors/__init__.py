"""Reading a package: each commitment kind adds its items to the criteria it bears on.

:mod:`.collector` holds what reading gathers and the helpers every kind shares;
:mod:`.sides` sends each commitment to its kind's reader by who made it (the aggressor's
side, the protected party or a guarantor); one module per family of kinds does the rest:
:mod:`.forces` (troops, peacekeepers, monitors), :mod:`.pledges` (defence pacts, assurances,
memberships), :mod:`.support` (funding, arms, sanctions, hybrid defence, DMZs) and
:mod:`.concessions`.
"""
