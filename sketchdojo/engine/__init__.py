"""The generation engine: plain Python, no HTTP and no Django models.

script.py      the one validated structure every LLM provider's output passes through
providers/     the LLM and image provider interfaces, their errors, and the registry by name
"""
