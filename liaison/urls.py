"""The liaison officers' pages, under the language prefix."""

from django.urls import path

from liaison import views

app_name = "liaison"
urlpatterns = [
    path("liaison/sign-in/", views.sign_in, name="sign-in"),
    path("liaison/sign-out/", views.sign_out, name="sign-out"),
    path("liaison/invitation/<str:token>/", views.accept, name="accept"),
    path("liaison/", views.my_government, name="my-government"),
    path("liaison/contacts/new/", views.contact_edit, name="contact-add"),
    path("liaison/contacts/<int:pk>/", views.contact_edit, name="contact-edit"),
    path("liaison/events/<int:pk>/", views.event_registration, name="event-registration"),
    path("liaison/motions/<int:pk>/", views.written_ballot, name="written-ballot"),
    path("liaison/ballots/<int:pk>/", views.ballot_receipt, name="ballot-receipt"),
    path("liaison/statement.pdf", views.statement_pdf, name="statement-pdf"),
    path("liaison/plans/<int:year>/status/", views.plan_status, name="plan-status"),
]
