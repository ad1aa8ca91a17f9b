"""The search API's addresses (outside the language prefix: /api/search/...)."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggest, name="suggest"),
    path("openapi.json", views.openapi, name="openapi"),
]
