"""Dataset wing: agreement, disagreement, demographics and the Overview page's tables."""
