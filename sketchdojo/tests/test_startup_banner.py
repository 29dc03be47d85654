"""`make run` says where to go (issue 18): the studio, the reader, the admin, the docs, the socket."""

from sketchdojo.server import startup_banner


def test_the_banner_names_every_place_at_the_served_address():
    banner = startup_banner(["-b", "127.0.0.1", "-p", "8123", "config.asgi:application"])

    assert "  Studio      http://127.0.0.1:8123/\n" in banner
    assert "http://127.0.0.1:8123/w/<webtoon id>/" in banner
    assert "http://127.0.0.1:8123/admin/" in banner
    assert "createsuperuser" in banner
    assert "http://127.0.0.1:8123/docs" in banner
    assert "ws://127.0.0.1:8123/api/v1/ws/connect" in banner
    assert "seed_data" in banner


def test_a_server_bound_to_every_interface_is_shown_at_loopback():
    banner = startup_banner(["--bind", "0.0.0.0", "--port", "9000", "config.asgi:application"])

    assert "  Studio      http://127.0.0.1:9000/\n" in banner
