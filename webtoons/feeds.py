"""The Atom feed of a series' published episodes (/s/{project id}/feed.atom), Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from projects.models import Project
from webtoons.models import Webtoon
from webtoons.selectors import episodes_published, series_get_public

FEED_EPISODES = 50


class SeriesFeed(Feed):
    """The newest published episodes of one series; the same 404 as the series page for anything else."""

    feed_type = Atom1Feed

    def get_object(self, request, project_id):
        return series_get_public(project_id=project_id)

    def title(self, project: Project) -> str:
        return project.title

    def subtitle(self, project: Project) -> str:
        return project.description

    def link(self, project: Project) -> str:
        return reverse("series", kwargs={"project_id": project.pk})

    def feed_url(self, project: Project) -> str:
        return reverse("series-feed", kwargs={"project_id": project.pk})

    def author_name(self, project: Project) -> str:
        return project.user.username

    def items(self, project: Project):
        return episodes_published(project_id=project.pk).order_by("-episode_number")[:FEED_EPISODES]

    def item_title(self, webtoon: Webtoon) -> str:
        return f"Episode {webtoon.episode_number}: {webtoon.title or 'Untitled'}"

    def item_description(self, webtoon: Webtoon) -> str:
        # Atom marks the summary type="html": escaped here, a reader shows the creator's text as text.
        return escape(webtoon.summary or webtoon.description)

    def item_link(self, webtoon: Webtoon) -> str:
        return reverse("reader", kwargs={"webtoon_id": webtoon.pk})

    def item_guid(self, webtoon: Webtoon) -> str:
        return f"urn:uuid:{webtoon.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, webtoon: Webtoon):
        return webtoon.published_at

    def item_updateddate(self, webtoon: Webtoon):
        return webtoon.published_at or webtoon.updated_at
