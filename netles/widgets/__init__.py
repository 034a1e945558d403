"""Interactive widgets (ipywidgets) built from the library.

Every factory returns ``(widget, state)``: the widget to display and a state object whose
callbacks are plain functions, so tests drive them by setting values and clicking without a
browser. Labels are Dutch by default (``lang="en"`` for English).
"""
from .editor import *  # noqa: F401,F403
from .instruments import *  # noqa: F401,F403
from .planner import *  # noqa: F401,F403
from .forms import *  # noqa: F401,F403
from .selfcheck import *  # noqa: F401,F403
from .lesson_widgets import *  # noqa: F401,F403
from .quiz import *  # noqa: F401,F403
from .moments import *  # noqa: F401,F403
from .casekeuze import *  # noqa: F401,F403
from .beleid import *  # noqa: F401,F403
from .welkom import *  # noqa: F401,F403
from .galerij import *  # noqa: F401,F403
from .strategies import *  # noqa: F401,F403
from .roleplays import *  # noqa: F401,F403
from .strengthening import *  # noqa: F401,F403
from .resistance import *  # noqa: F401,F403
from .unsafe_networks import *  # noqa: F401,F403
from .meldcode import *  # noqa: F401,F403
from . import editor, instruments, planner, forms, selfcheck, lesson_widgets, quiz, moments
from . import casekeuze, beleid, welkom, galerij
from . import strategies, roleplays, strengthening, resistance, unsafe_networks, meldcode

__all__ = [name for module in (editor, instruments, planner, forms, selfcheck, lesson_widgets, quiz, moments,
                               casekeuze, beleid, welkom, galerij, strategies, roleplays, strengthening,
                               resistance, unsafe_networks, meldcode)
           for name in module.__all__]
