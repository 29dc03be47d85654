from enum import StrEnum


class WeatherEnum(StrEnum):
    CLEAR = "clear"
    CLOUDY = "cloudy"
    FOG = "fog"
    RAIN = "rain"
    SNOW = "snow"
    STORM = "storm"

    def __str__(self) -> str:
        return str(self.value)
