"""The board plan: which boards and cards a site requires (挂牌说明), and which of the site's fields each prints.
"""
