"""Value-profiles wing: usable information, calibration, clusters, uncertainty, juries."""
