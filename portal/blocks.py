"""StreamField blocks for guidance content; each renders through templates/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
    )
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        template = "blocks/callout_block.html"
        icon = "warning"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        template = "blocks/question_answer_block.html"
        icon = "help"


class StepListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    steps = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"]), min_num=1
    )

    class Meta:
        template = "blocks/step_list_block.html"
        icon = "list-ol"


class WhenToCallEmergencyBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("When to call 112"))
    situations = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)

    class Meta:
        template = "blocks/when_to_call_emergency_block.html"
        icon = "warning"


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        max_length=120, template="blocks/heading_block.html", icon="title"
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    question_answer = QuestionAnswerBlock()
    steps = StepListBlock()
    when_to_call_emergency = WhenToCallEmergencyBlock()
    # Wagtail's image block asks for alt text (or "decorative"); the template serves
    # AVIF and WebP renditions in a few widths, so a phone loads a small file.
    image = ImageBlock(template="blocks/image_block.html")
