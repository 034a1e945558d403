"""Models of networks and of change: synthetic networks, RADIO interventions, intervention plans,
dynamics over time (decay, carer burden) and the kanteling ladder.

These are teaching models: they make the ideas of the teacher's guide tangible and give researchers
realistic practice data. They are not predictions about any real person.
"""
from .synthetic import *  # noqa: F401,F403
from .radio import *  # noqa: F401,F403
from .plan import *  # noqa: F401,F403
from .dynamics import *  # noqa: F401,F403
from .kanteling import *  # noqa: F401,F403
from .zorgkracht import *  # noqa: F401,F403
from . import synthetic, radio, plan, dynamics, kanteling, zorgkracht

__all__ = [*synthetic.__all__, *radio.__all__, *plan.__all__, *dynamics.__all__, *kanteling.__all__, *zorgkracht.__all__]
