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
from .case_choice import *  # noqa: F401,F403
from .policy import *  # noqa: F401,F403
from .welcome import *  # noqa: F401,F403
from .gallery import *  # noqa: F401,F403
from .research import *  # noqa: F401,F403
from .quality import *  # noqa: F401,F403
from .loneliness import *  # noqa: F401,F403
from .carer import *  # noqa: F401,F403
from .triad import *  # noqa: F401,F403
from .strategies import *  # noqa: F401,F403
from .roleplays import *  # noqa: F401,F403
from .strengthening import *  # noqa: F401,F403
from .resistance import *  # noqa: F401,F403
from .unsafe_networks import *  # noqa: F401,F403
from .meldcode import *  # noqa: F401,F403
from . import editor, instruments, planner, forms, selfcheck, lesson_widgets, quiz, moments
from . import case_choice, policy, welcome, gallery, research
from . import quality, loneliness, carer, triad
from . import strategies, roleplays, strengthening, resistance, unsafe_networks, meldcode

__all__ = [name for module in (editor, instruments, planner, forms, selfcheck, lesson_widgets, quiz, moments,
                               case_choice, policy, welcome, gallery, research, quality, loneliness, carer, triad,
                               strategies, roleplays, strengthening, resistance, unsafe_networks, meldcode)
           for name in module.__all__]
