"""The facilitator's report (not the trainee's end screen, which is the debrief): a room's exports aggregated into one HTML page or CSV tables.

``collect`` decides which records go in (and lists the others with a reason), ``aggregate`` computes
the figures, ``charts`` draws them with matplotlib, ``render`` fills the Jinja2 template.
"""
