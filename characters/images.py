"""Checks for uploaded character reference images, and where they are stored.

An upload is accepted only if Pillow recognises it as PNG, JPEG or WEBP, it fits the byte and
pixel limits in settings, and it decodes to the end. The stored name is a fresh uuid with the
extension of the detected format, never the client's file name.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def _detected_format(file) -> str | None:
    file.seek(0)
    try:
        with Image.open(file, formats=list(ALLOWED_FORMATS)) as image:
            return image.format
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)


def validate_reference_image(file) -> None:
    """Raise ValidationError unless `file` is a PNG/JPEG/WEBP within the size limits that decodes."""
    max_bytes = settings.CHARACTER_IMAGE_MAX_BYTES
    max_pixels = settings.CHARACTER_IMAGE_MAX_PIXELS
    if file.size > max_bytes:
        raise ValidationError(
            f"The image is {file.size} bytes; the limit is {max_bytes} bytes.", code="image_too_large"
        )
    file.seek(0)
    try:
        with Image.open(file, formats=list(ALLOWED_FORMATS)) as image:
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    f"The image is {width}x{height} pixels; the limit is {max_pixels} pixels in all.",
                    code="image_too_many_pixels",
                )
            image.load()
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            f"The image has more than {max_pixels} pixels in all.", code="image_too_many_pixels"
        ) from exc
    except (UnidentifiedImageError, SyntaxError) as exc:
        raise ValidationError("Upload a PNG, JPEG or WEBP image.", code="image_format") from exc
    except (OSError, ValueError) as exc:
        raise ValidationError("The image is damaged or truncated and cannot be read.", code="image_corrupt") from exc
    finally:
        file.seek(0)


def reference_image_path(instance, filename: str) -> str:
    """characters/<project id>/<uuid>.<ext of the detected format> (the client's name is not trusted)."""
    detected = _detected_format(instance.reference_image.file)
    extension = ALLOWED_FORMATS.get(detected or "", "bin")
    return f"characters/{instance.project_id}/{uuid.uuid4().hex}.{extension}"
