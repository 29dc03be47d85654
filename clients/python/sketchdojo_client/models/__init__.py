"""Contains all the data models used in inputs/outputs"""

from .appearance_request import AppearanceRequest
from .art_style_enum import ArtStyleEnum
from .bubble_style_enum import BubbleStyleEnum
from .character import Character
from .character_create_request import CharacterCreateRequest
from .character_input_request import CharacterInputRequest
from .character_state import CharacterState
from .character_state_relationships import CharacterStateRelationships
from .character_state_request import CharacterStateRequest
from .character_state_request_relationships import CharacterStateRequestRelationships
from .characters_list_ordering import CharactersListOrdering
from .characters_list_role import CharactersListRole
from .characters_project_list_ordering import CharactersProjectListOrdering
from .characters_project_list_role import CharactersProjectListRole
from .element_type_enum import ElementTypeEnum
from .episode_summary import EpisodeSummary
from .episode_summary_request import EpisodeSummaryRequest
from .error_envelope import ErrorEnvelope
from .error_envelope_details import ErrorEnvelopeDetails
from .error_envelope_status_enum import ErrorEnvelopeStatusEnum
from .generate_request import GenerateRequest
from .login_input_request import LoginInputRequest
from .paginated_character_list import PaginatedCharacterList
from .paginated_panel_list import PaginatedPanelList
from .paginated_project_list import PaginatedProjectList
from .paginated_task_list import PaginatedTaskList
from .paginated_webtoon_list import PaginatedWebtoonList
from .panel import Panel
from .panel_create_request import PanelCreateRequest
from .panel_generate_request import PanelGenerateRequest
from .panel_input_request import PanelInputRequest
from .panel_status_enum import PanelStatusEnum
from .panels_list_ordering import PanelsListOrdering
from .panels_list_shot import PanelsListShot
from .panels_list_status import PanelsListStatus
from .panels_webtoon_list_ordering import PanelsWebtoonListOrdering
from .panels_webtoon_list_shot import PanelsWebtoonListShot
from .panels_webtoon_list_status import PanelsWebtoonListStatus
from .patched_character_input_request import PatchedCharacterInputRequest
from .patched_panel_input_request import PatchedPanelInputRequest
from .patched_project_update_request import PatchedProjectUpdateRequest
from .patched_project_update_request_color_palette_type_0 import (
    PatchedProjectUpdateRequestColorPaletteType0,
)
from .patched_series_memory_request import PatchedSeriesMemoryRequest
from .patched_webtoon_input_request import PatchedWebtoonInputRequest
from .personality_request import PersonalityRequest
from .position_request import PositionRequest
from .project import Project
from .project_color_palette_type_0 import ProjectColorPaletteType0
from .project_input_request import ProjectInputRequest
from .project_input_request_color_palette_type_0 import (
    ProjectInputRequestColorPaletteType0,
)
from .project_status_enum import ProjectStatusEnum
from .project_update_request import ProjectUpdateRequest
from .project_update_request_color_palette_type_0 import (
    ProjectUpdateRequestColorPaletteType0,
)
from .projects_list_art_style import ProjectsListArtStyle
from .projects_list_ordering import ProjectsListOrdering
from .projects_list_status import ProjectsListStatus
from .provider_call import ProviderCall
from .quality_enum import QualityEnum
from .refresh_token_input_request import RefreshTokenInputRequest
from .register_input_request import RegisterInputRequest
from .role_enum import RoleEnum
from .series_memory import SeriesMemory
from .shot_enum import ShotEnum
from .speech_bubble_request import SpeechBubbleRequest
from .staged_character_request import StagedCharacterRequest
from .style_preferences_request import StylePreferencesRequest
from .tail_direction_enum import TailDirectionEnum
from .task import Task
from .task_detail import TaskDetail
from .task_status_enum import TaskStatusEnum
from .task_type_enum import TaskTypeEnum
from .tasks_list_ordering import TasksListOrdering
from .tasks_list_status import TasksListStatus
from .tasks_list_task_type import TasksListTaskType
from .time_of_day_enum import TimeOfDayEnum
from .token_pair import TokenPair
from .translation import Translation
from .translation_images import TranslationImages
from .translation_input_request import TranslationInputRequest
from .translation_list import TranslationList
from .user import User
from .visual_element_request import VisualElementRequest
from .weather_enum import WeatherEnum
from .webtoon import Webtoon
from .webtoon_create_request import WebtoonCreateRequest
from .webtoon_detail import WebtoonDetail
from .webtoon_detail_panels_item import WebtoonDetailPanelsItem
from .webtoon_input_request import WebtoonInputRequest
from .webtoon_status_enum import WebtoonStatusEnum
from .webtoons_export_retrieve_fmt import WebtoonsExportRetrieveFmt
from .webtoons_list_ordering import WebtoonsListOrdering
from .webtoons_list_status import WebtoonsListStatus

__all__ = (
    "AppearanceRequest",
    "ArtStyleEnum",
    "BubbleStyleEnum",
    "Character",
    "CharacterCreateRequest",
    "CharacterInputRequest",
    "CharactersListOrdering",
    "CharactersListRole",
    "CharactersProjectListOrdering",
    "CharactersProjectListRole",
    "CharacterState",
    "CharacterStateRelationships",
    "CharacterStateRequest",
    "CharacterStateRequestRelationships",
    "ElementTypeEnum",
    "EpisodeSummary",
    "EpisodeSummaryRequest",
    "ErrorEnvelope",
    "ErrorEnvelopeDetails",
    "ErrorEnvelopeStatusEnum",
    "GenerateRequest",
    "LoginInputRequest",
    "PaginatedCharacterList",
    "PaginatedPanelList",
    "PaginatedProjectList",
    "PaginatedTaskList",
    "PaginatedWebtoonList",
    "Panel",
    "PanelCreateRequest",
    "PanelGenerateRequest",
    "PanelInputRequest",
    "PanelsListOrdering",
    "PanelsListShot",
    "PanelsListStatus",
    "PanelStatusEnum",
    "PanelsWebtoonListOrdering",
    "PanelsWebtoonListShot",
    "PanelsWebtoonListStatus",
    "PatchedCharacterInputRequest",
    "PatchedPanelInputRequest",
    "PatchedProjectUpdateRequest",
    "PatchedProjectUpdateRequestColorPaletteType0",
    "PatchedSeriesMemoryRequest",
    "PatchedWebtoonInputRequest",
    "PersonalityRequest",
    "PositionRequest",
    "Project",
    "ProjectColorPaletteType0",
    "ProjectInputRequest",
    "ProjectInputRequestColorPaletteType0",
    "ProjectsListArtStyle",
    "ProjectsListOrdering",
    "ProjectsListStatus",
    "ProjectStatusEnum",
    "ProjectUpdateRequest",
    "ProjectUpdateRequestColorPaletteType0",
    "ProviderCall",
    "QualityEnum",
    "RefreshTokenInputRequest",
    "RegisterInputRequest",
    "RoleEnum",
    "SeriesMemory",
    "ShotEnum",
    "SpeechBubbleRequest",
    "StagedCharacterRequest",
    "StylePreferencesRequest",
    "TailDirectionEnum",
    "Task",
    "TaskDetail",
    "TasksListOrdering",
    "TasksListStatus",
    "TasksListTaskType",
    "TaskStatusEnum",
    "TaskTypeEnum",
    "TimeOfDayEnum",
    "TokenPair",
    "Translation",
    "TranslationImages",
    "TranslationInputRequest",
    "TranslationList",
    "User",
    "VisualElementRequest",
    "WeatherEnum",
    "Webtoon",
    "WebtoonCreateRequest",
    "WebtoonDetail",
    "WebtoonDetailPanelsItem",
    "WebtoonInputRequest",
    "WebtoonsExportRetrieveFmt",
    "WebtoonsListOrdering",
    "WebtoonsListStatus",
    "WebtoonStatusEnum",
)
