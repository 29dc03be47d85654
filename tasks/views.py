"""Tasks API: the caller's generation tasks, their state, cancel and retry."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from sketchdojo.api.pagination import paginated_response
from sketchdojo.api.schema import paginated
from tasks.models import TaskStatus, TaskType
from tasks.selectors import task_get, task_list
from tasks.serializers import TaskDetailSerializer, TaskFilterSerializer, TaskSerializer
from tasks.services import task_cancel, task_retry


class TaskListView(APIView):
    """GET /tasks: the caller's tasks, newest first, filtered by `status` and `task_type`."""

    @extend_schema(
        operation_id="api_v1_tasks_list",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=TaskStatus.values),
            OpenApiParameter("task_type", OpenApiTypes.STR, enum=TaskType.values),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("size", OpenApiTypes.INT),
        ],
        responses=paginated(TaskSerializer),
    )
    def get(self, request):
        filters = TaskFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        tasks = task_list(user=request.user, **filters.validated_data)
        return paginated_response(request, tasks, lambda page: TaskSerializer(page, many=True).data)


@extend_schema(parameters=[OpenApiParameter("task_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class TaskDetailView(APIView):
    """GET /tasks/{id}: one of the caller's tasks; any other id is 404."""

    @extend_schema(responses=TaskDetailSerializer)
    def get(self, request, task_id):
        return Response(TaskDetailSerializer(task_get(user=request.user, task_id=task_id)).data)


@extend_schema(parameters=[OpenApiParameter("task_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class TaskCancelView(APIView):
    """POST /tasks/{id}/cancel: pending/running → cancelled at once; 409 from any other state."""

    @extend_schema(request=None, responses=TaskSerializer)
    def post(self, request, task_id):
        task = task_cancel(task=task_get(user=request.user, task_id=task_id))
        return Response(TaskSerializer(task).data)


@extend_schema(parameters=[OpenApiParameter("task_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class TaskRetryView(APIView):
    """POST /tasks/{id}/retry: failed/cancelled → queued again (retry_count + 1); 409 otherwise."""

    @extend_schema(request=None, responses=TaskSerializer)
    def post(self, request, task_id):
        task = task_retry(task=task_get(user=request.user, task_id=task_id))
        return Response(TaskSerializer(task).data)
