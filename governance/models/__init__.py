from .organisations import Membership, Organisation

__all__ = ["Membership", "Organisation"]
