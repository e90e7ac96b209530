"""The story as data: models, loading and validation of the files in data/."""

from .dataset import Dataset
from .errors import DataError, Problem
from .load import load_dataset

__all__ = ["DataError", "Dataset", "Problem", "load_dataset"]
