"""netles: personal social networks of people who receive care or support.

A small library for lessons and research: model one person's network, measure its quality,
draw the instruments social workers use, simulate interventions and score questionnaires.

>>> import netles
>>> net = netles.datasets.load_case("voorbeeld")
>>> print(round(netles.quality_profile(net)["density"], 6))
0.266667
"""
from . import compare, datasets, metrics, vocab
from . import liability, scales
from .longtables import Dataset
from .errors import Problem, ValidationError
from .io import read_network, write_network
from .io import read_dataset, write_dataset
from .anonymise import anonymise
from .network import EgoNetwork, Moment
from .moments import MomentComparison, compare_moments
from .profile import describe_profile, profile_many, quality_profile
from .vocab import readable_table

__version__ = "0.1.0"

__all__ = [
    "Dataset",
    "EgoNetwork",
    "Moment",
    "MomentComparison",
    "Problem",
    "anonymise",
    "ValidationError",
    "compare",
    "compare_moments",
    "datasets",
    "describe_profile",
    "liability",
    "metrics",
    "profile_many",
    "quality_profile",
    "read_dataset",
    "read_network",
    "readable_table",
    "scales",
    "vocab",
    "write_dataset",
    "write_network",
]
