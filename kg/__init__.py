"""govkg: Chinese government work reports (政府工作报告) to RDF knowledge graphs."""

__version__ = "0.1.0"
