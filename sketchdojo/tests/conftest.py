"""Fixtures shared by the sketchdojo tests: the ops fixtures (moto S3) and the pipeline's eager Celery."""

from sketchdojo.tests.ops_fixtures import s3_endpoint, s3_env  # noqa: F401
from tasks.tests.fixtures import eager_celery  # noqa: F401
