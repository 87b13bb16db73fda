"""Value-profiles wing (value-profiles seed): profile writers, decoders and workflows."""
