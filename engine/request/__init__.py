"""The certificate request for a consulate and the referral to protection.

Both are built from an interview, behind the protection gate (engine.protection).
"""
