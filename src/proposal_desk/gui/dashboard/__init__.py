"""The 工作台: counts, due and overdue lists, workload and charts of the year."""
