"""Root URLs. Public pages live under a language prefix (/en/, /mn/, /zh-hans/, /ko/, /ja/, /ru/);
the admin, open data, health check and calendar-neutral endpoints do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

import committees.urls
import members.urls
from committees import open_data as committees_open_data
from members import open_data
from near_portal import views

handler400 = "near_portal.views.bad_request"
handler500 = "near_portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Lets staff pick the admin's language (a cookie); public pages use the URL prefix.
    path("i18n/", include("django.conf.urls.i18n")),
    path("open-data/members.json", open_data.members_json, name="open-data-members-json"),
    path("open-data/members.csv", open_data.members_csv, name="open-data-members-csv"),
    path("open-data/committees.json", committees_open_data.committees_json, name="open-data-committees-json"),
]

# The pages of one government and of one committee show what several apps record, so they are
# composed here (near_portal.views) and added to their apps' namespaces.
members_urls = [*members.urls.urlpatterns, path("members/<slug:slug>/", views.member_detail, name="detail")]
committees_urls = [
    *committees.urls.urlpatterns,
    path("committees/<slug:slug>/", views.committee_detail, name="detail"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("secretariat/", views.secretariat, name="secretariat"),
    path("", include((members_urls, "members"))),
    path("", include("instruments.urls")),
    path("", include("assemblies.urls")),
    path("", include("dues.urls")),
    path("", include((committees_urls, "committees"))),
    path("", include("events.urls")),
    path("", include("documents.urls")),
    path("", include("plans.urls")),
    path("", include("near_portal.report.urls")),
    path("", include("liaison.urls")),
    path("", include("search.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
