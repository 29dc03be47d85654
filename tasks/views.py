"""Tasks API: the caller's generation tasks, their state, cancel and retry (a thin ViewSet)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from sketchdojo.api.schema import error_responses
from sketchdojo.api.viewsets import ApiViewSet, EmptyBodySerializer
from tasks.filters import TaskFilter
from tasks.models import Task
from tasks.selectors import task_get, task_list
from tasks.serializers import TaskDetailSerializer, TaskSerializer
from tasks.services import task_cancel, task_retry

_ID = OpenApiParameter("task_id", OpenApiTypes.UUID, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(summary="List your tasks, newest first"),
    retrieve=extend_schema(
        summary="One of your tasks: status, progress, current step, and every provider call it made",
        parameters=[_ID],
        responses=TaskDetailSerializer,
    ),
)
@extend_schema(tags=["tasks"])
class TaskViewSet(ApiViewSet):
    """Your generation tasks (a webtoon's generation, a panel's redraw); follow one live on the
    WebSocket at /ws/tasks/{id}. Another user's task (or a missing or malformed id) is 404."""

    singular_name, plural_name = "Task", "Tasks"
    queryset = Task.objects.none()  # the model, for the schema and filters; rows: get_queryset
    lookup_url_kwarg = "task_id"
    serializer_class = TaskSerializer
    filterset_class = TaskFilter
    search_fields = ("current_step", "error_message")
    ordering_fields = ("created_at", "updated_at", "status", "progress")

    def get_queryset(self):
        return task_list(user=self.request.user)

    def get_object(self):
        return task_get(user=self.request.user, task_id=self.kwargs["task_id"])

    def list(self, request):
        return self.paginated_list(self.get_queryset)

    def retrieve(self, request, task_id):
        return Response(TaskDetailSerializer(self.get_object(), context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Cancel a pending or running task (409 from any other state)",
        parameters=[_ID],
        request=None,
        responses={200: TaskSerializer, **error_responses(404, 409)},
    )
    @action(detail=True, methods=["post"], serializer_class=EmptyBodySerializer)
    def cancel(self, request, task_id):
        """Pending or running → cancelled at once; 409 from any other state."""
        return Response(self.output(task_cancel(task=self.get_object())).data)

    @extend_schema(
        summary="Queue a failed or cancelled task again (409 otherwise)",
        parameters=[_ID],
        request=None,
        responses={200: TaskSerializer, **error_responses(404, 409)},
    )
    @action(detail=True, methods=["post"], serializer_class=EmptyBodySerializer)
    def retry(self, request, task_id):
        """Failed or cancelled → queued again (retry_count + 1); 409 otherwise."""
        return Response(self.output(task_retry(task=self.get_object())).data)
