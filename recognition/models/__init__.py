from recognition.models.criteria import CriteriaSet, Criterion

__all__ = ["CriteriaSet", "Criterion"]
